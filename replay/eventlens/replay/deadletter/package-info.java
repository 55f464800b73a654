/**
 * Dry-run retry of dead letters: each failed message is handed again to the current handler scripts,
 * in the sandbox, at the virtual time of its failure and with its aggregate's state of that moment.
 * Nothing is sent anywhere; the result says which entries would now succeed.
 */
package eventlens.replay.deadletter;
