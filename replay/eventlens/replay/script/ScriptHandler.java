package eventlens.replay.script;

import eventlens.replay.bus.TopicPattern;

/**
 * A handler registered by {@code on(pattern, fn, {name})}.
 *
 * @param index   registration order (0-based)
 * @param name    the given name, or {@code pattern#n} (n-th handler on that pattern, from 1)
 * @param pattern the types it receives
 */
public record ScriptHandler(int index, String name, TopicPattern pattern) {
}
