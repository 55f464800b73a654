// eventlens: mode=all where=type:order.*
// Throws for orders whose total in cents ends in 7; retried with backoff in virtual time (500 ms, 1 s), then dead-lettered.
retry({ max: 2, backoff: 'exponential', baseMs: 500 });

function charge(order) {
  const cents = Math.round(order.total * 100);
  if (cents % 10 === 7) {
    throw new Error(`gateway declined ${order.orderId} (total ${order.total})`);
  }
  return 'auth-' + order.orderId;
}

on('order.created', (event, ctx) => {
  const auth = charge(event.data);
  ctx.publish('payment.authorized', { orderId: event.data.orderId, auth });
}, { name: 'flaky-payment' });
