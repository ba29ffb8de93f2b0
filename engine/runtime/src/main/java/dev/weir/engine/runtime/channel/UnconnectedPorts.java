package dev.weir.engine.runtime.channel;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.OutputPort;

/** Ports with no edge: an optional input that is always at end of stream, and an output that discards. */
public final class UnconnectedPorts {

    private UnconnectedPorts() {
    }

    /** An optional input without an edge: nothing available, already at end of stream. */
    public static InputPort input(String name, DataType type) {
        return new InputPort() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public DataType type() {
                return type;
            }

            @Override
            public boolean isConnected() {
                return false;
            }

            @Override
            public int available() {
                return 0;
            }

            @Override
            public Frame peek() {
                throw new IllegalStateException("input " + name + " is not connected");
            }

            @Override
            public void release() {
                throw new IllegalStateException("input " + name + " is not connected");
            }

            @Override
            public int position() {
                return 0;
            }

            @Override
            public void consume(int elements) {
                throw new IllegalStateException("input " + name + " is not connected");
            }

            @Override
            public boolean isEndOfStream() {
                return true;
            }
        };
    }

    /**
     * An output without an edge: accepts and drops everything into one scratch frame. The frame is only
     * allocated when the type is resolved (an unconnected output may keep an open size).
     */
    public static ChannelWriter output(String name, DataType type) {
        return new ChannelWriter() {
            private final Frame scratch = type.isResolved() ? new Frame(type) : null;
            private boolean claimed;
            private long frames;
            private long elements;

            @Override
            public String name() {
                return name;
            }

            @Override
            public DataType type() {
                return type;
            }

            @Override
            public boolean isConnected() {
                return false;
            }

            @Override
            public int remaining() {
                return Integer.MAX_VALUE;
            }

            @Override
            public Frame claim() {
                if (scratch == null) {
                    throw new IllegalStateException("output " + name + " has unresolved type " + type.describe());
                }
                if (!claimed) {
                    scratch.clearHeader();
                    claimed = true;
                }
                return scratch;
            }

            @Override
            public void publish() {
                if (!claimed) {
                    throw new IllegalStateException("output " + name + ": publish() without claim()");
                }
                claimed = false;
                frames++;
                elements += scratch.length();
            }

            @Override
            public void complete() {
            }

            @Override
            public boolean isAbandoned() {
                return false;
            }

            @Override
            public long framesPublished() {
                return frames;
            }

            @Override
            public long elementsPublished() {
                return elements;
            }
        };
    }
}
