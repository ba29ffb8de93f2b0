package dev.weir.benchmarks;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.RecordSchema;
import dev.weir.engine.ipc.JvmFlags;
import dev.weir.engine.ipc.QueueChannel;
import dev.weir.engine.model.OverflowPolicy;
import dev.weir.engine.runtime.channel.ChannelReader;
import dev.weir.engine.runtime.channel.ChannelWriter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Cross-process edge benchmarks, each with its baseline in the same run (a harness rather than JMH, because the
 * reader must be another JVM):
 *
 * <pre>
 *   rate     N small frames (one int64 record: 32-byte header + 8 bytes) through a QueueChannel, writer here, reader
 *            in a child JVM, against Chronicle's own appender/tailer loop moving the same 40-byte records
 *   latency  one frame every 20 us, stamped with System.nanoTime (one clock for all processes on Linux);
 *            the child reports p50/p99 of receive - stamp over the second half of 150 k frames, for a
 *            QueueChannel of capacity 1024 and the raw Chronicle loop
 *   bulk     1 MiB frames (float32 x 262144) through a QueueChannel (one copy in the writer, one in the reader),
 *            against a single-threaded memcpy of 1 MiB blocks over 256 MiB (out of cache)
 * </pre>
 *
 * <pre>
 *   mvn -q package -pl benchmarks -am -DskipTests
 *   java $(flags) -cp benchmarks/target/benchmarks.jar dev.weir.benchmarks.IpcBench [rounds]
 * </pre>
 * where the flags are {@link JvmFlags#CHRONICLE} (the script {@code benchmarks/ipc-bench.sh} passes them).
 * Both processes busy-spin, so on a 2-core machine each needs a core to itself; other load shows in the spread.
 */
public final class IpcBench {

    static final DataType SMALL = new DataType.RecordsOf(RecordSchema.VALUE, Dim.of(1));
    static final DataType BIG = new DataType.VectorOf(ElementType.FLOAT32, Dim.of(1 << 18));
    static final int SMALL_N = 2_000_000;
    static final int LATENCY_N = 150_000;
    /** An ordinary edge for the latency row: a deep queue would only measure the backlog a descheduled reader left. */
    static final int LATENCY_CAPACITY = 1024;
    static final int LATENCY_GAP_NS = 20_000;
    static final int BIG_N = 1500;
    /** The largest edge capacity a .dag allows: the reader gates the writer as late as it can, as raw Chronicle never does. */
    static final int CAPACITY = 65536;

    private IpcBench() {
    }

    public static void main(String[] args) throws Exception {
        JvmFlags.disableAnalytics();
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path base = Files.createTempDirectory(Files.isWritable(Path.of("/dev/shm")) ? Path.of("/dev/shm")
                : Path.of(System.getProperty("java.io.tmpdir")), "weir-ipcbench");
        try {
            // One unmeasured round each, so this JVM's side is compiled before anything counts.
            rate(base.resolve("warm-raw"), true);
            rate(base.resolve("warm-weir"), false);
            double[] raw = new double[rounds];
            double[] weir = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                raw[r] = rate(base.resolve("raw" + r), true);
                weir[r] = rate(base.resolve("weir" + r), false);
            }
            long[] rawLat = latency(base.resolve("rawlat"), true);
            long[] weirLat = latency(base.resolve("weirlat"), false);
            double[] bulk = new double[rounds];
            double[] memcpy = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                memcpy[r] = memcpy();
                bulk[r] = bulk(base.resolve("bulk" + r));
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "%-10s %-34s %-34s %8s  %s%n", "benchmark", "candidate (median of rounds)",
                    "baseline", "ratio", "goal");
            double rRatio = median(weir) / median(raw);
            System.out.printf(Locale.ROOT, "%-10s %-34s %-34s %7.2fx  >= 0.5x: %s%n", "rate",
                    String.format(Locale.ROOT, "QueueChannel %.2fM frames/s", median(weir) / 1e6),
                    String.format(Locale.ROOT, "raw Chronicle %.2fM msgs/s", median(raw) / 1e6), rRatio,
                    rRatio >= 0.5 ? "met" : "MISSED");
            System.out.printf(Locale.ROOT, "%-10s %-34s %-34s %7.2fx  p99 < 5 us: %s%n", "latency p50",
                    String.format(Locale.ROOT, "QueueChannel %.2f us", weirLat[0] / 1e3),
                    String.format(Locale.ROOT, "raw Chronicle %.2f us", rawLat[0] / 1e3),
                    (double) weirLat[0] / rawLat[0], weirLat[1] < 5_000 ? "met" : "MISSED");
            System.out.printf(Locale.ROOT, "%-10s %-34s %-34s %7.2fx%n", "latency p99",
                    String.format(Locale.ROOT, "QueueChannel %.2f us", weirLat[1] / 1e3),
                    String.format(Locale.ROOT, "raw Chronicle %.2f us", rawLat[1] / 1e3), (double) weirLat[1] / rawLat[1]);
            double bRatio = median(bulk) / median(memcpy);
            System.out.printf(Locale.ROOT, "%-10s %-34s %-34s %7.2fx  >= 0.5x: %s%n", "1 MiB",
                    String.format(Locale.ROOT, "QueueChannel %.2f GB/s", median(bulk) / 1e9),
                    String.format(Locale.ROOT, "memcpy %.2f GB/s", median(memcpy) / 1e9), bRatio,
                    bRatio >= 0.5 ? "met" : "MISSED");
            System.out.printf(Locale.ROOT, "rounds: rate raw %s, weir %s; bulk %s, memcpy %s (per second)%n",
                    fmt(raw), fmt(weir), fmt(bulk), fmt(memcpy));
            System.out.printf(Locale.ROOT, "load average: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        } finally {
            try (Stream<Path> s = Files.walk(base)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String fmt(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (double d : v) {
            sb.append(String.format(Locale.ROOT, sb.length() > 1 ? ", %.3g" : "%.3g", d));
        }
        return sb.append(']').toString();
    }

    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    // ---- parent side ------------------------------------------------------------------------------------------

    private static Process spawn(String mode, Path dir, int n) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JvmFlags.CHRONICLE);
        cmd.add("-Xmx1g");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(IpcBench.class.getName());
        cmd.addAll(List.of("child", mode, dir.toString(), Integer.toString(n)));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Waits for the child's "ready" line, returns its reader. */
    private static BufferedReader awaitReady(Process p) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = in.readLine();
        if (!"ready".equals(line)) {
            throw new IllegalStateException("child said " + line);
        }
        return in;
    }

    private static QueueChannel channel(Path dir, DataType type) {
        return channel(dir, type, CAPACITY);
    }

    private static QueueChannel channel(Path dir, DataType type, int capacity) {
        return QueueChannel.create(dir, "bench", "out", type, capacity,
                List.of(new QueueChannel.ReaderSpec("child", "in", OverflowPolicy.BACKPRESSURE)), false);
    }

    /** Frames (messages) per second from the first write here to the last read in the child. */
    private static double rate(Path dir, boolean raw) throws Exception {
        QueueChannel ch = raw ? null : channel(dir, SMALL);
        Process child = spawn(raw ? "raw-rate" : "weir-rate", dir, SMALL_N);
        BufferedReader in = awaitReady(child);
        long t0 = System.nanoTime();
        if (raw) {
            RawChronicle.write(dir, SMALL_N, 0);
        } else {
            writeSmall(ch.writer(), SMALL_N, 0);
        }
        long end = Long.parseLong(in.readLine());
        child.waitFor();
        if (ch != null) {
            ch.close();
        }
        return SMALL_N / ((end - t0) / 1e9);
    }

    /** p50 and p99 one-way latency in ns. */
    private static long[] latency(Path dir, boolean raw) throws Exception {
        QueueChannel ch = raw ? null : channel(dir, SMALL, LATENCY_CAPACITY);
        Process child = spawn(raw ? "raw-latency" : "weir-latency", dir, LATENCY_N);
        BufferedReader in = awaitReady(child);
        if (raw) {
            RawChronicle.write(dir, LATENCY_N, LATENCY_GAP_NS);
        } else {
            writeSmall(ch.writer(), LATENCY_N, LATENCY_GAP_NS);
        }
        String[] f = in.readLine().split(" ");
        child.waitFor();
        if (ch != null) {
            ch.close();
        }
        return new long[]{Long.parseLong(f[0]), Long.parseLong(f[1])};
    }

    private static void writeSmall(ChannelWriter w, int n, long gapNanos) {
        long next = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (gapNanos > 0) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                next += gapNanos;
            }
            while (w.remaining() == 0) {
                Thread.onSpinWait();
            }
            Frame f = w.claim();
            f.setLength(1).setRecordLong(0, 0, i);
            f.setIndex(i);
            f.setTimestampNanos(System.nanoTime());
            w.publish();
        }
        w.complete();
    }

    /** Payload bytes per second through a QueueChannel of 1 MiB frames. */
    private static double bulk(Path dir) throws Exception {
        QueueChannel ch = channel(dir, BIG);
        Process child = spawn("weir-bulk", dir, BIG_N);
        BufferedReader in = awaitReady(child);
        ChannelWriter w = ch.writer();
        long t0 = System.nanoTime();
        for (int i = 0; i < BIG_N; i++) {
            while (w.remaining() == 0) {
                Thread.onSpinWait();
            }
            Frame f = w.claim();
            f.floats()[0] = i;
            f.setIndex(i);
            w.publish();
        }
        w.complete();
        long end = Long.parseLong(in.readLine());
        child.waitFor();
        ch.close();
        return (double) BIG_N * (1 << 20) / ((end - t0) / 1e9);
    }

    /** Single-threaded memcpy of 1 MiB blocks through 256 MiB, so neither side stays in cache. */
    static double memcpy() {
        long total = 256L << 20;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment src = a.allocate(total, 64);
            MemorySegment dst = a.allocate(total, 64);
            src.fill((byte) 1);
            dst.fill((byte) 2);
            long block = 1 << 20;
            long best = Long.MAX_VALUE;
            for (int rep = 0; rep < 5; rep++) {
                long t0 = System.nanoTime();
                for (long off = 0; off < total; off += block) {
                    MemorySegment.copy(src, off, dst, off, block);
                }
                best = Math.min(best, System.nanoTime() - t0);
            }
            return total / (best / 1e9);
        }
    }

    // ---- child side -------------------------------------------------------------------------------------------

    private static void child(String mode, Path dir, int n) throws Exception {
        switch (mode) {
            case "raw-rate" -> RawChronicle.readRate(dir, n);
            case "raw-latency" -> RawChronicle.readLatency(dir, n);
            default -> {
                DataType type = mode.equals("weir-bulk") ? BIG : SMALL;
                QueueChannel ch = QueueChannel.open(dir, "bench", "out", type,
                        List.of(new QueueChannel.ReaderSpec("child", "in", OverflowPolicy.BACKPRESSURE)), false,
                        () -> false);
                ChannelReader r = ch.reader(0);
                System.out.println("ready");
                System.out.flush();
                long[] lat = mode.equals("weir-latency") ? new long[n] : null;
                int got = 0;
                while (got < n) {
                    if (r.available() == 0) {
                        Thread.onSpinWait();
                        continue;
                    }
                    Frame f = r.peek();
                    if (lat != null) {
                        lat[got] = System.nanoTime() - f.timestampNanos();
                    }
                    r.release();
                    got++;
                }
                long end = System.nanoTime();
                System.out.println(lat != null ? percentiles(lat) : Long.toString(end));
                ch.close();
            }
        }
    }

    /** "p50 p99" in ns over the second half (the first half warms up the child JVM's compiler). */
    static String percentiles(long[] lat) {
        long[] v = Arrays.copyOfRange(lat, lat.length / 2, lat.length);
        Arrays.sort(v);
        return v[v.length / 2] + " " + v[(int) (v.length * 0.99)];
    }
}
