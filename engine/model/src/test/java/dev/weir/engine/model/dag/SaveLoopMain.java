package dev.weir.engine.model.dag;

import dev.weir.engine.model.GraphDocument;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link AtomicSaveTest}: saves {@link CrashDocs} version 0 and 1 to one path in turn, as
 * fast as it can, half of the time through {@link DagCodec#save} and half through {@link AtomicSave#write} with
 * pre-encoded bytes, until it is killed. Prints {@code saved} once the first save is complete.
 */
public final class SaveLoopMain {

    private SaveLoopMain() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        DagCodec codec = DagCodec.withoutRegistry();
        GraphDocument[] docs = {CrashDocs.version(0), CrashDocs.version(1)};
        byte[][] bytes = {codec.write(docs[0]).getBytes(StandardCharsets.UTF_8),
            codec.write(docs[1]).getBytes(StandardCharsets.UTF_8)};
        codec.save(docs[0], target);
        System.out.println("saved");
        System.out.flush();
        for (long i = 1; ; i++) {
            int v = (int) (i & 1);
            if (i % 4 < 2) {
                codec.save(docs[v], target);
            } else {
                // Already encoded, so that more kills land while the file itself is being written and moved.
                AtomicSave.write(target, bytes[v]);
            }
        }
    }
}
