package dev.weir.editor.run;

import dev.weir.engine.api.preview.PreviewHub;
import dev.weir.engine.model.GraphDocument;

/**
 * Starts runs of a graph document for the editor. Implemented by the application on the engine.
 */
public interface GraphRunner {

    /**
     * Validates and starts {@code document}. Called by the editor off the FX thread (it may block while
     * processors open: models load, files are probed).
     *
     * @param document the graph as the editor holds it at the moment Run was pressed
     * @param previews where preview nodes publish; the editor's preview panels
     * @param listener told about metrics and the end of the run, on engine threads
     * @return the running graph
     * @throws RunStartException with a message naming the file, node or field when the graph cannot start
     */
    RunningGraph start(GraphDocument document, PreviewHub previews, RunListener listener) throws RunStartException;
}
