package dev.telltale.core.osgi;

import dev.telltale.api.EventRuntime;
import dev.telltale.api.store.EventStoreProvider;
import dev.telltale.core.Events;
import dev.telltale.core.GlobalEventRuntime;
import dev.telltale.core.internal.StoreLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Telltale inside an OSGi framework, where {@link java.util.ServiceLoader} sees no other bundle: while
 * this bundle is active, the api records to this bundle's runtime ({@link EventRuntime#install}) and
 * the stores are those the active bundles provide (their {@code META-INF/services} files, the ones
 * ServiceLoader reads elsewhere). The recorder starts on the first command, as outside a container.
 *
 * <ul>
 *   <li>A store bundle starting or stopping ends the recorder (a stopping one is still there: what was
 *       accepted is written to it and flushed), so that the next command starts one with the stores
 *       there are now: none, and it discards and counts, its health says why.
 *   <li>This bundle stopping uninstalls the runtime (commands go on, unrecorded, and the api's health
 *       says the runtime's bundle is not started), then closes the recorder: everything it accepted is
 *       written and flushed, its threads end, and nothing of this bundle's class loader stays referenced.
 * </ul>
 *
 * Outside OSGi this class is never loaded. The framework calls it on its own threads.
 */
public final class TelltaleActivator implements BundleActivator, SynchronousBundleListener {

    private static final String STORE_SERVICES = "META-INF/services/" + EventStoreProvider.class.getName();

    private final GlobalEventRuntime runtime = new GlobalEventRuntime();
    private volatile BundleContext context;
    /**
     * A store bundle that is stopping, while the recorder that may use it is closed: its store still
     * counts, so that a recorder whose first open had not started yet opens it, and writes and flushes
     * what it accepted there, rather than losing it.
     */
    private volatile Bundle leaving;

    @Override
    public void start(BundleContext context) {
        this.context = context;
        StoreLoader.useProviders(this::storeProviders);
        context.addBundleListener(this);
        // A recorder started before (a store's own test, say) is not this bundle's: start afresh.
        Events.closeGlobal();
        EventRuntime.install(runtime);
    }

    @Override
    public void stop(BundleContext context) {
        context.removeBundleListener(this);
        EventRuntime.uninstall(runtime);
        // A command still under way may ask for the recorder: it gets one that records nothing.
        Events previous = Events.installGlobal(Events.disabled());
        if (previous != null) {
            previous.close();
        }
        StoreLoader.useProviders(null);
        this.context = null;
    }

    /** A store bundle came or is going: the next command starts a recorder with the stores there are then. */
    @Override
    public void bundleChanged(BundleEvent event) {
        int type = event.getType();
        Bundle bundle = event.getBundle();
        if (bundle.getEntry(STORE_SERVICES) == null) {
            return;
        }
        if (type == BundleEvent.STARTED) {
            Events.closeGlobal();
        } else if (type == BundleEvent.STOPPING) {
            leaving = bundle;
            try {
                Events.closeGlobal();
            } finally {
                leaving = null;
            }
        }
    }

    /** The store providers of the active bundles (a stopping one only while its recorder closes). */
    List<EventStoreProvider> storeProviders() {
        BundleContext current = context;
        List<EventStoreProvider> providers = new ArrayList<>();
        if (current == null) {
            return providers;
        }
        for (Bundle bundle : current.getBundles()) {
            boolean counts = bundle.getState() == Bundle.ACTIVE || bundle == leaving;
            URL services = counts ? bundle.getEntry(STORE_SERVICES) : null;
            if (services != null) {
                for (String name : classNames(services)) {
                    EventStoreProvider provider = instantiate(bundle, name);
                    if (provider != null) {
                        providers.add(provider);
                    }
                }
            }
        }
        return providers;
    }

    private static List<String> classNames(URL services) {
        List<String> names = new ArrayList<>();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(services.openStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int comment = line.indexOf('#');
                String name = (comment < 0 ? line : line.substring(0, comment)).strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        } catch (IOException unreadable) {
            // A bundle whose services file cannot be read provides no store.
        }
        return names;
    }

    private static EventStoreProvider instantiate(Bundle bundle, String name) {
        try {
            Class<?> type = bundle.loadClass(name);
            return EventStoreProvider.class.isAssignableFrom(type)
                    ? (EventStoreProvider) type.getDeclaredConstructor().newInstance()
                    : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError broken) {
            // A provider that cannot be made provides no store; the others still do.
            return null;
        }
    }
}
