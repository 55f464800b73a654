package eventlens.replay;

/**
 * A handler of the script that no delivery of a run has reached: no event delivered so far had a type its pattern
 * matches. At the end of a run it usually means a pattern that does not say what its author meant (decision 0088).
 *
 * @param handler the handler's name, {@code order.created#1} or the name the script gave it
 * @param pattern the pattern it subscribed with, {@code order.*}
 */
public record IdleHandler(String handler, String pattern) {
    /** One line for the console or the terminal: what was not called, and how the pattern's wildcards match. */
    public String describe() {
        String line = "handler " + handler + " was not called: no type delivered matches '" + pattern + "'";
        if (pattern.contains("*")) {
            line += " ('*' is one dot-separated word: 'order.*' takes order.created, not order.payment.failed;"
                    + " '#' is any number of words, and '#' alone every type)";
        }
        return line;
    }
}
