package eventlens.model.time;

/** What a histogram's bars are split by. */
public enum StackBy {
    TYPE, SOURCE
}
