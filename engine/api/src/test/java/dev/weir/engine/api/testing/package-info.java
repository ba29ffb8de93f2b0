/**
 * The test kit for node modules, published in this module's test-jar: in-memory ports, a context, frame
 * helpers and {@link dev.weir.engine.api.testing.ProcessorVerifier}, which checks a
 * {@link dev.weir.engine.api.Processor} against its contract in the ways a graph will exercise it.
 *
 * <pre>
 *  ProcessorVerifier ──creates──&gt; Processor (fresh per scenario)
 *        │                           ^  open(TestContext) / process(Inputs, Outputs) / complete / close
 *        ├── TestInputPort  ─────────┤  frames fed as copies, revealed gradually, ended, or cycled
 *        ├── TestOutputPort ─────────┘  bounded slots, drained into copies, or discarded
 *        └── Frames                     build, compare and describe frames
 * </pre>
 *
 * Use it from another module with a test-scoped dependency on {@code weir-engine-api} of type
 * {@code test-jar}.
 */
package dev.weir.engine.api.testing;
