package eventlens.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A class that breaks one of the architecture rules of {@code LayeringTest} on purpose, and says why. The
 * rules name what they let through, so that every exception is written down next to the code it
 * excuses (as JabRef declares its architecture exceptions) instead of loosening the rule for everyone.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Exemption {
    /** SQL and JDBC outside {@code eventlens.model.store}. */
    String SQL_OUTSIDE_THE_STORE = "sql-outside-the-store";
    /** Wall time, threads or schedulers in {@code eventlens.replay}, which must otherwise be deterministic. */
    String WALL_TIME_IN_REPLAY = "wall-time-in-replay";

    /** The rule this class is exempt from: one of the constants above. */
    String rule();

    /** Why, for the next reader. */
    String why();
}
