package io.boxoffice.systemtest;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands every test class the one running {@link BoxofficeSystem}. It is started on first use and kept in
 * the root store, which closes it (killing the service JVMs and the broker) after the last test class. A
 * failed start is remembered too: every test that needs the system then fails at once with the same cause
 * (never skipped, never retried at the cost of another two minutes).
 */
final class SystemExtension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == BoxofficeSystem.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Startup.class, key -> Startup.attempt(), Startup.class)
                .system();
    }

    /** The outcome of the one start attempt. */
    private record Startup(BoxofficeSystem running, RuntimeException failure) implements AutoCloseable {
        static Startup attempt() {
            try {
                return new Startup(BoxofficeSystem.start(), null);
            } catch (RuntimeException e) {
                return new Startup(null, e);
            }
        }

        BoxofficeSystem system() {
            if (failure != null) {
                throw new IllegalStateException("The Boxoffice system did not start: " + failure.getMessage(),
                        failure);
            }
            return running;
        }

        @Override
        public void close() {
            if (running != null) {
                running.close();
            }
        }
    }
}
