package io.boxoffice.common.logging;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Slf4jLogFactory;

/**
 * The commons-logging factory of every service (registered in META-INF/services, which commons-logging
 * consults before its own discovery). commons-logging 1.3's SLF4J adapter turns each message into a
 * String before SLF4J looks at the level, so Spring's lazy {@code LogMessage} debug lines (Spring
 * Security formats several per request in its matchers) were built and thrown away on every request:
 * 5-6 % of the gateway's CPU under load. The logs handed out here ask for the level first, then pass the
 * untouched message on to the same SLF4J adapter, so what is logged does not change.
 */
public final class LevelCheckedLogFactory extends LogFactory {
    private final LogFactory slf4j = new Slf4jLogFactory();

    @Override
    public Log getInstance(Class<?> clazz) {
        return new LevelCheckedLog(slf4j.getInstance(clazz));
    }

    @Override
    public Log getInstance(String name) {
        return new LevelCheckedLog(slf4j.getInstance(name));
    }

    @Override
    public Object getAttribute(String name) {
        return slf4j.getAttribute(name);
    }

    @Override
    public String[] getAttributeNames() {
        return slf4j.getAttributeNames();
    }

    @Override
    public void release() {
        slf4j.release();
    }

    @Override
    public void removeAttribute(String name) {
        slf4j.removeAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        slf4j.setAttribute(name, value);
    }
}
