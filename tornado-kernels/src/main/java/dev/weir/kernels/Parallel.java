package dev.weir.kernels;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the index of a loop whose iterations are independent, the equivalent of TornadoVM's
 * {@code uk.ac.manchester.tornado.api.annotations.Parallel}: {@code for (@Parallel int y = from; y < to; y++)}.
 *
 * <p>Kernel methods in this module are plain static Java methods over flat primitive arrays, written the way
 * TornadoVM compiles them: the outermost loop (or loops) carries this annotation and no iteration reads what
 * another iteration of the same loop writes. The CPU backend relies on that to give disjoint sub-ranges of the
 * loop to different threads; a GPU backend maps the annotated index to the global work-item id instead.
 *
 * <p>The annotation documents the contract and keeps the kernels ready for a TornadoVM port (where the real
 * annotation replaces this one); nothing reads it at run time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.LOCAL_VARIABLE, ElementType.PARAMETER})
public @interface Parallel {
}
