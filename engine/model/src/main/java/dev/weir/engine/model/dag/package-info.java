/**
 * The {@code .dag} file format: {@link dev.weir.engine.model.dag.DagCodec} reads a file into a
 * {@link dev.weir.engine.model.GraphDocument} and writes one back as canonical, diff-friendly JSON, saving it
 * atomically. A file that cannot be loaded gives a {@link dev.weir.engine.model.dag.DagFormatException} whose
 * message says where and what; {@link dev.weir.engine.model.dag.DagLimits} bounds what a file may hold;
 * {@link dev.weir.engine.model.dag.FormatMigration} brings files of older formats forward.
 *
 * <p>The format itself is specified in {@code docs/dag-format.md}, with a JSON Schema in
 * {@code docs/dag.schema.json}.
 */
package dev.weir.engine.model.dag;
