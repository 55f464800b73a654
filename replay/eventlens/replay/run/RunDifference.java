package eventlens.replay.run;

/**
 * One difference between two runs.
 *
 * @param kind    what differs
 * @param causeId the cause of the published event (published kinds), or the failed event's id (dead letters)
 * @param type    the published event's type, or the dead-lettering handler's name
 * @param left    the left run's event id / error (null when absent)
 * @param right   the right run's event id / error (null when absent)
 */
public record RunDifference(Kind kind, String causeId, String type, String left, String right) {
    /** What differs. */
    public enum Kind {
        /** Published in the left run only. */
        ONLY_LEFT,
        /** Published in the right run only. */
        ONLY_RIGHT,
        /** Published by both under the same cause, with different data. */
        DATA_DIFFERS,
        /** Dead-lettered in the left run only. */
        DEAD_LETTER_ONLY_LEFT,
        /** Dead-lettered in the right run only. */
        DEAD_LETTER_ONLY_RIGHT
    }
}
