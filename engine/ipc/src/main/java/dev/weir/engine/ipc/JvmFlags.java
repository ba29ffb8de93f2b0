package dev.weir.engine.ipc;

import java.lang.module.ModuleFinder;
import java.util.List;
import java.util.function.Predicate;

/**
 * The one place that knows which JVM flags a process loading Chronicle Queue needs, and that keeps Chronicle's usage
 * analytics off.
 *
 * <p>Used by the worker launcher for every worker JVM, and by the installers, which print
 * {@link #launcherForThisRuntime()} with the packaged runtime ({@link #main}) into the installed launcher's options.
 * The same list is written out in three places that cannot call Java: the root {@code pom.xml}
 * ({@code weir.chronicle.args}, surefire's argLine for the modules that run queues), the {@code ./weir} script and
 * the app jar's manifest ({@code Add-Opens}/{@code Add-Exports}); {@code AnalyticsOffTest} checks the first two
 * against {@link #CHRONICLE} so they cannot drift.
 *
 * <p><b>Analytics.</b> Chronicle sends usage analytics to an outside host at start-up unless the system property
 * {@value #ANALYTICS_PROPERTY} is {@code true} before its first class loads. Every worker gets it on its command line;
 * {@link #disableAnalytics()} also sets it in the current process, and every class of this module that touches
 * Chronicle calls it from its static initialiser first, so a process started without the flag is covered too.
 */
public final class JvmFlags {

    /**
     * The incubator module the image kernels' Vector API bodies need ({@code --add-modules}); the {@code ./weir}
     * script passes it, and workers get it when their parent has it.
     */
    public static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** The system property that turns Chronicle's analytics off. */
    public static final String ANALYTICS_PROPERTY = "chronicle.analytics.disable";

    /**
     * Everything a Chronicle process needs on JDK 25 (checked with {@code chronicle-queue} 2026.4): without the
     * {@code sun.nio.ch} export it silently falls back to a read-only table store and then fails to append; without
     * the others it fails at queue creation. {@code --enable-native-access} also covers the frame codec's
     * {@code MemorySegment.reinterpret}.
     */
    public static final List<String> CHRONICLE = List.of(
            "-D" + ANALYTICS_PROPERTY + "=true",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
            "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow");

    static {
        disableAnalytics();
    }

    /**
     * {@link #CHRONICLE} less the flags that open or export a package of a module {@code hasModule} says is absent.
     * A JVM warns at start about every such flag, and they grant nothing there. The installed package's trimmed
     * runtime has no {@code jdk.compiler}: Chronicle compiles Java source only for its generated method readers and
     * writers, which Weir does not use (its queues append and read raw frames); multi-process runs, recording and
     * replay were checked on that runtime.
     */
    public static List<String> chronicleFor(Predicate<String> hasModule) {
        return CHRONICLE.stream().filter(flag -> {
            String module = moduleOf(flag);
            return module == null || hasModule.test(module);
        }).toList();
    }

    /** {@link #chronicleFor} the modules of the runtime this JVM runs on. */
    public static List<String> chronicleForThisRuntime() {
        return chronicleFor(JvmFlags::inThisRuntime);
    }

    /**
     * Every JVM flag a launcher of the {@code weir} command passes on this runtime: {@link #chronicleForThisRuntime()}
     * and, when the runtime has it, the {@link #VECTOR_MODULE}. The installers ask the packaged runtime itself
     * through {@link #main}, so the launcher's flags come from this class and match the modules linked into it.
     */
    public static List<String> launcherForThisRuntime() {
        List<String> flags = new java.util.ArrayList<>(chronicleForThisRuntime());
        if (inThisRuntime(VECTOR_MODULE)) {
            flags.add("--add-modules=" + VECTOR_MODULE);
        }
        return List.copyOf(flags);
    }

    /** Prints {@link #launcherForThisRuntime()}, one flag per line (used when packaging, see installers/). */
    public static void main(String[] args) {
        launcherForThisRuntime().forEach(System.out::println);
    }

    private static boolean inThisRuntime(String module) {
        return ModuleFinder.ofSystem().find(module).isPresent();
    }

    /** The module of an {@code --add-exports=M/P=...} or {@code --add-opens=M/P=...} flag; null for other flags. */
    private static String moduleOf(String flag) {
        for (String option : List.of("--add-exports=", "--add-opens=")) {
            if (flag.startsWith(option)) {
                return flag.substring(option.length(), flag.indexOf('/', option.length()));
            }
        }
        return null;
    }

    private JvmFlags() {
    }

    /**
     * Sets {@value #ANALYTICS_PROPERTY} to {@code true} in this process, overriding any other value: Weir never lets
     * Chronicle report usage. Idempotent and cheap; must run before the first Chronicle class loads.
     */
    public static void disableAnalytics() {
        System.setProperty(ANALYTICS_PROPERTY, "true");
    }

    /**
     * Whether Chronicle's analytics are off in this process, as Chronicle itself decides it
     * ({@code AnalyticsFacade.isEnabled()}), and the queue library's analytics holder is the mute one. Loads
     * Chronicle classes, so call it only after {@link #disableAnalytics()}.
     */
    public static boolean analyticsDisabled() {
        disableAnalytics();
        boolean facadeOff = !net.openhft.chronicle.core.analytics.AnalyticsFacade.isEnabled();
        String holder = net.openhft.chronicle.queue.internal.AnalyticsHolder.instance().getClass().getSimpleName();
        return facadeOff && holder.equals("MuteAnalytics");
    }
}
