package dev.weir.nodes.io;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Scheduling;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Locale;

/**
 * {@code io.wav_source}: a RIFF/WAVE file as a float32 stream tagged with the file's sample rate.
 *
 * <pre>
 *  "RIFF" size "WAVE"  { chunk id (4) | chunk size (4, LE) | body | pad byte if size is odd }*
 *  fmt : tag, channels, rate, byte rate, block align, bits [, cbSize, valid bits, mask, subformat GUID]
 *  data: interleaved frames of block align bytes
 * </pre>
 *
 * Chunks may come in any order; unknown ones (LIST, fact, cue, ...) are skipped. Integer PCM of 8, 16, 24 and 32
 * bits and IEEE float of 32 and 64 bits, plain or WAVE_FORMAT_EXTENSIBLE, with any number of channels. Integer
 * samples are scaled to [-1, 1) as scipy and soundfile scale them; param {@code channel} picks one channel, or
 * -1 averages them all. Anything else fails {@code open} with one line naming the node, the file and the problem.
 */
final class WavSourceNode extends FileSource {

    private static final int WAVE_FORMAT_PCM = 0x0001;
    private static final int WAVE_FORMAT_IEEE_FLOAT = 0x0003;
    private static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;
    /** Bytes 2..15 of every KSDATAFORMAT_SUBTYPE_* GUID; bytes 0..1 hold the format tag. */
    private static final byte[] GUID_TAIL = {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38,
            (byte) 0x9B, 0x71};

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("io.wav_source", 1)
                .label("WAV file source")
                .category("IO/Sources")
                .description("Reads a WAV file (PCM 8/16/24/32-bit or IEEE float 32/64-bit, any channel count) as "
                        + "float32 samples in [-1, 1), tagged with the file's sample rate.")
                .param(pathParam("The .wav file to read."))
                .param(ParamSpec.integer("channel", "Channel", 0, -1, 65535, "", false,
                        "The channel to read, from 0; -1 averages all channels."))
                .param(chunkParam())
                .param(repeatParam())
                .output(PortSpec.of("out", new DataType.SampleStream(ElementType.FLOAT32, Dim.param("chunk")),
                        "The samples, scaled to [-1, 1)."))
                .scheduling(Scheduling.BLOCKING)
                .factory(WavSourceNode::new)
                .build();
    }

    @Override
    boolean complexOutput(Params params) {
        return false;
    }

    @Override
    Layout layout(FileChannel ch, long size, Params params, String where) throws IOException {
        ByteBuffer riff = readAt(ch, 0, 12, where, "a WAV header");
        String magic = fourcc(riff, 0);
        if (!magic.equals("RIFF") || !fourcc(riff, 8).equals("WAVE")) {
            String what = magic.equals("RF64") || magic.equals("BW64") ? "is an " + magic
                    + " file, which is not supported; use a RIFF/WAVE file under 4 GiB"
                    : "is not a WAV file (no RIFF/WAVE header)";
            throw new IOException(where + ": " + what);
        }
        ByteBuffer fmt = null;
        long dataOffset = -1;
        long dataBytes = 0;
        long pos = 12;
        while (pos + 8 <= size) {
            ByteBuffer h = readAt(ch, pos, 8, where, "a chunk header");
            String id = fourcc(h, 0);
            long len = h.getInt(4) & 0xFFFFFFFFL;
            if (id.equals("fmt ")) {
                if (len < 16) {
                    throw new IOException(where + ": fmt chunk is " + len + " bytes; at least 16 are needed");
                }
                fmt = readAt(ch, pos + 8, (int) Math.min(len, 40), where, "the fmt chunk");
            } else if (id.equals("data") && dataOffset < 0) {
                dataOffset = pos + 8;
                dataBytes = len;
            }
            pos += 8 + len + (len & 1);
        }
        if (fmt == null) {
            throw new IOException(where + ": has no fmt chunk");
        }
        if (dataOffset < 0) {
            throw new IOException(where + ": has no data chunk");
        }
        int tag = fmt.getShort(0) & 0xFFFF;
        int channels = fmt.getShort(2) & 0xFFFF;
        long rate = fmt.getInt(4) & 0xFFFFFFFFL;
        int blockAlign = fmt.getShort(12) & 0xFFFF;
        int bits = fmt.getShort(14) & 0xFFFF;
        if (tag == WAVE_FORMAT_EXTENSIBLE) {
            if (fmt.capacity() < 40) {
                throw new IOException(where + ": WAVE_FORMAT_EXTENSIBLE fmt chunk is " + fmt.capacity()
                        + " bytes; 40 are needed");
            }
            for (int i = 0; i < GUID_TAIL.length; i++) {
                if (fmt.get(26 + i) != GUID_TAIL[i]) {
                    throw new IOException(where + ": WAVE_FORMAT_EXTENSIBLE subformat is not a standard format "
                            + "GUID; use PCM or IEEE float");
                }
            }
            tag = fmt.getShort(24) & 0xFFFF;
        }
        Encoding e;
        if (tag == WAVE_FORMAT_PCM) {
            e = switch (bits) {
                case 8 -> Encoding.U8;
                case 16 -> Encoding.S16;
                case 24 -> Encoding.S24;
                case 32 -> Encoding.S32;
                default -> throw new IOException(where + ": " + bits + "-bit PCM is not supported; use 8, 16, 24 "
                        + "or 32 bits");
            };
        } else if (tag == WAVE_FORMAT_IEEE_FLOAT) {
            e = switch (bits) {
                case 32 -> Encoding.F32;
                case 64 -> Encoding.F64;
                default -> throw new IOException(where + ": " + bits + "-bit IEEE float is not supported; use 32 "
                        + "or 64 bits");
            };
        } else {
            throw new IOException(where + ": format " + String.format(Locale.ROOT, "0x%04X", tag) + " ("
                    + formatName(tag) + ") is not supported; use PCM or IEEE float");
        }
        if (channels == 0) {
            throw new IOException(where + ": fmt chunk declares 0 channels");
        }
        if (blockAlign < channels * e.bytes) {
            throw new IOException(where + ": block align " + blockAlign + " is too small for " + channels
                    + " channels of " + bits + " bits");
        }
        if (rate == 0) {
            throw new IOException(where + ": fmt chunk declares a sample rate of 0");
        }
        int channel = params.getInt("channel");
        if (channel >= channels) {
            throw new IOException(where + ": param 'channel' is " + channel + " but the file has " + channels
                    + (channels == 1 ? " channel" : " channels"));
        }
        return new Layout(dataOffset, dataBytes / blockAlign, blockAlign, e, rate,
                channel < 0 ? 0 : channel * e.bytes, channel < 0 ? channels : 1);
    }

    private static String fourcc(ByteBuffer b, int at) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            int v = b.get(at + i) & 0xFF;
            c[i] = v >= 0x20 && v < 0x7F ? (char) v : '?';
        }
        return new String(c);
    }

    private static String formatName(int tag) {
        return switch (tag) {
            case 0x0002 -> "ADPCM";
            case 0x0006 -> "A-law";
            case 0x0007 -> "mu-law";
            case 0x0011 -> "IMA ADPCM";
            case 0x0031 -> "GSM 6.10";
            case 0x0050 -> "MPEG";
            case 0x0055 -> "MPEG Layer 3";
            case 0x00FF -> "AAC";
            case 0x0000 -> "unknown";
            default -> "unrecognised";
        };
    }
}
