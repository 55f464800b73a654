/**
 * The embedded bus, JavaScript handlers and replay sessions. Depends on {@code eventlens.model} only
 * (see docs/architecture.md); filled by the replay capability.
 */
package eventlens.replay;
