package dev.weir.editor.run;

/**
 * Told about a run's progress. Called on engine threads (never the FX thread): implementations hand the values
 * over to their UI thread and return quickly.
 */
public interface RunListener {

    /** A new metrics sample, about every 100 ms while the run lasts. */
    void onMetrics(RunMetrics metrics);

    /** The run has ended (completed, failed, or stopped); called exactly once, after the last metrics. */
    void onEnded(RunOutcome outcome);
}
