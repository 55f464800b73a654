// eventlens: mode=all where=type:order.created
// Tries to leave the sandbox; every attempt is refused and logged; a success would be published as escape.succeeded
// (it never is). The last handler does not catch: its refusal becomes a dead letter with this file's line.
const attempts = {
  'Java.type': () => Java.type('java.io.File'),
  'require': () => require('fs'),
  'load': () => load('/etc/passwd'),
  'Polyglot.eval': () => Polyglot.eval('python', '1'),
  'process': () => process.env,
  'java global': () => java.lang.System.exit(1),
};

on('order.created', (event, ctx) => {
  if (event.data.orderId !== 'order-1001') return;
  for (const [name, attempt] of Object.entries(attempts)) {
    try {
      const got = attempt();
      ctx.publish('escape.succeeded', { name, got: String(got) });
    } catch (e) {
      ctx.log(`refused ${name}: ${e.name}`);
    }
  }
}, { name: 'escape-attempts' });

on('order.created', (event, ctx) => {
  if (event.data.orderId !== 'order-1001') return;
  const File = Java.type('java.io.File');
  ctx.publish('escape.succeeded', { exists: new File('/etc/passwd').exists() });
}, { name: 'read-file' });
