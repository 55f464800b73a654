// A projection: revenue and order counts per currency, payment outcomes, logged as it goes.
// eventlens: mode=all where=
const revenue = {};
const counts = { created: 0, paid: 0, failed: 0, cancelled: 0 };

on('order.created', (event, ctx) => {
  const { currency, total } = event.data;
  revenue[currency] = Math.round(((revenue[currency] ?? 0) + total) * 100) / 100;
  counts.created++;
});

on('payment.processed', () => { counts.paid++; });
on('payment.failed', (event, ctx) => {
  counts.failed++;
  ctx.log('payment failed for', event.data.orderId, 'reason', event.data.reason);
});
on('order.cancelled', () => { counts.cancelled++; });

on('order.#', (event, ctx) => {
  if (counts.created > 0 && counts.created % 10 === 0 && event.type === 'order.created') {
    ctx.log(`after ${counts.created} orders:`, revenue, counts);
  }
}, { name: 'report' });
