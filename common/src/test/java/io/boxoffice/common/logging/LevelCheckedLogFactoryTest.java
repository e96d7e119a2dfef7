package io.boxoffice.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** commons-logging goes through the level-checking factory: disabled messages are never built, enabled ones arrive. */
class LevelCheckedLogFactoryTest {
    private static final String NAME = "io.boxoffice.test.level-checked";
    private final Logger logback = (Logger) LoggerFactory.getLogger(NAME);
    private final ListAppender<ILoggingEvent> appended = new ListAppender<>();
    private final AtomicInteger built = new AtomicInteger();
    private final Object lazyMessage = new Object() {
        @Override
        public String toString() {
            built.incrementAndGet();
            return "expensive";
        }
    };

    @BeforeEach
    void attach() {
        appended.start();
        logback.addAppender(appended);
    }

    @AfterEach
    void detach() {
        logback.detachAppender(appended);
        logback.setLevel(null);
    }

    @Test
    void shouldNotBuildMessageWhenItsLevelIsOff() {
        // given
        logback.setLevel(Level.INFO);
        Log log = LogFactory.getLog(NAME);
        // when
        log.debug(lazyMessage);
        log.trace(lazyMessage, new IllegalStateException());
        // then
        assertThat(built).hasValue(0);
        assertThat(appended.list).isEmpty();
    }

    @Test
    void shouldLogMessageWhenItsLevelIsOn() {
        // given
        logback.setLevel(Level.DEBUG);
        Log log = LogFactory.getLog(NAME);
        // when
        log.debug(lazyMessage);
        log.warn("careful");
        // then
        assertThat(appended.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("expensive", "careful");
        assertThat(appended.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.DEBUG, Level.WARN);
    }
}
