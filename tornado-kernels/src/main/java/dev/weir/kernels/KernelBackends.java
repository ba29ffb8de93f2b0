package dev.weir.kernels;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Finds a backend for a node among the {@link KernelBackendProvider}s on the class path. No registry is kept: the
 * providers are looked up with {@link ServiceLoader} on every call, which happens once per node per run, in
 * {@code open}.
 */
public final class KernelBackends {

    /** The choice that picks the best available backend able to run every kernel of the graph. */
    public static final String AUTO = "auto";

    private KernelBackends() {
    }

    /** The providers visible from {@code loader}, best first (highest priority, then name). */
    public static List<KernelBackendProvider> providers(ClassLoader loader) {
        List<KernelBackendProvider> all = new ArrayList<>();
        for (KernelBackendProvider p : ServiceLoader.load(KernelBackendProvider.class, loader)) {
            all.add(p);
        }
        all.sort(Comparator.comparingInt(KernelBackendProvider::priority).reversed()
                .thenComparing(KernelBackendProvider::name));
        return all;
    }

    /**
     * Acquires the backend {@code choice} for a node that launches {@code kernels}, from the providers visible to
     * this module's class loader. A node acquires its backend before it allocates its argument holders, because
     * per-worker scratch space is sized by {@link KernelBackend#parallelism()}.
     *
     * @param choice  {@link #AUTO} or a provider name ({@code cpu})
     * @param who     what needs the backend, for messages (the node id)
     * @throws IllegalArgumentException when no such provider exists, it is unavailable here, or it does not
     *                                  support one of the kernels; the message names them
     */
    public static KernelBackend acquire(String choice, BackendOptions options, Collection<? extends Kernel<?>> kernels,
                                        String who) {
        return acquire(choice, options, kernels, who, providers(KernelBackends.class.getClassLoader()));
    }

    /** Like {@link #acquire(String, BackendOptions, Collection, String)}, choosing among {@code providers} in order. */
    public static KernelBackend acquire(String choice, BackendOptions options, Collection<? extends Kernel<?>> kernels,
                                        String who, List<KernelBackendProvider> providers) {
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(kernels, "kernels");
        List<String> refusals = new ArrayList<>();
        for (KernelBackendProvider p : providers) {
            if (!choice.equals(AUTO) && !choice.equals(p.name())) {
                continue;
            }
            var reason = p.unavailableReason();
            if (reason.isPresent()) {
                refusals.add(p.name() + ": " + reason.get());
                continue;
            }
            KernelBackend b = p.acquire(options);
            Kernel<?> missing = null;
            for (Kernel<?> k : kernels) {
                if (!b.supports(k)) {
                    missing = k;
                    break;
                }
            }
            if (missing == null) {
                return b;
            }
            b.close();
            refusals.add(p.name() + ": has no kernel '" + missing.id() + "'");
        }
        List<String> names = providers.stream().map(KernelBackendProvider::name).toList();
        throw new IllegalArgumentException("no kernel backend '" + choice + "' can run " + who
                + (refusals.isEmpty() ? "" : " (" + String.join("; ", refusals) + ")") + "; backends found: " + names);
    }
}
