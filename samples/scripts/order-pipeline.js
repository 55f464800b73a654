// eventlens: mode=roots where=type:*.* before:2024-01-16
// (The Replay view takes this slice and mode when the script is opened: the order saga's events among the
// bundled samples, whose types are dotted and which end before the content pipeline's day.)
// The order saga of samples/orders.jsonl as handlers. Replayed in roots mode
// (`eventlens replay PROJECT --script order-pipeline.js --mode roots`) it regenerates every recorded
// event from the 50 order.created roots and reports no divergence.
//
// What order.created does not tell — the answers of the outside systems — is stubbed from the
// recording, as one would stub a payment gateway in a test: the fraud service's scores, the stock,
// the gateway's timeouts and retries, the one analytics record that was lost and the two shipment
// notifications that were never sent. Everything else is the saga's own logic.

// Outside systems, as recorded.
const FRAUD_SCORES = { 'order-1012': 0.95, 'order-1029': 0.96, 'order-1041': 0.91 };
const OUT_OF_STOCK = new Set(['order-1020', 'order-1038']);
const GATEWAY_TIMEOUTS = new Set(['order-1007', 'order-1017', 'order-1023', 'order-1034', 'order-1046']);
const ISSUER_UNAVAILABLE = new Set(['order-1014', 'order-1043']);
const ANALYTICS_LOST = new Set(['order-1026']);
const NOTIFICATION_SKIPPED = new Set(['order-1009', 'order-1031']);

// The saga's rules.
const FLAG_SCORE = 0.85;
const BIG_ORDER = Infinity;      // orders above this total are flagged whatever their score

const order = (id) => ({ aggregateType: 'Order', aggregateId: id });
const payment = (id) => ({ aggregateType: 'Payment', aggregateId: 'pay-' + id.slice(6) });
const noStock = new Set();        // saga state: orders cancelled for lack of stock

on('order.created', (event, ctx) => {
  const o = event.data;
  if (ANALYTICS_LOST.has(o.orderId)) return;
  ctx.publish('analytics.order.recorded', { orderId: o.orderId, total: o.total, currency: o.currency,
    itemCount: o.items.length });
}, { name: 'analytics' });

on('order.created', (event, ctx) => {
  const o = event.data;
  if (OUT_OF_STOCK.has(o.orderId)) {
    noStock.add(o.orderId);
    ctx.publish('inventory.out_of_stock', { orderId: o.orderId, sku: o.items[0].sku });
  } else {
    ctx.publish('inventory.reserved', { orderId: o.orderId, reservationId: 'res-' + o.orderId.slice(6),
      items: o.items.map(i => ({ sku: i.sku, quantity: i.quantity })) });
  }
}, { name: 'inventory' });

on('order.created', (event, ctx) => {
  ctx.publish('email.confirmation.sent', { orderId: event.data.orderId, template: 'order-confirmation' });
}, { name: 'email' });

on('order.created', (event, ctx) => {
  const o = event.data;
  const score = o.total > BIG_ORDER ? 0.99 : (FRAUD_SCORES[o.orderId] ?? 0.2);
  ctx.publish('fraud.check.completed', { orderId: o.orderId, score, result: score > FLAG_SCORE ? 'flagged' : 'approved' });
}, { name: 'fraud-check' });

on('fraud.check.completed', (event, ctx) => {
  const id = event.data.orderId;
  if (noStock.has(id)) return;
  if (event.data.score > FLAG_SCORE) {
    ctx.publish('order.flagged', { orderId: id, status: 'flagged', reason: `fraud score ${event.data.score} above ${FLAG_SCORE}` }, order(id));
  } else {
    ctx.publish('order.verified', { orderId: id, status: 'verified' }, order(id));
  }
}, { name: 'verify' });

on('order.verified', (event, ctx) => {
  const id = event.data.orderId;
  if (GATEWAY_TIMEOUTS.has(id)) {
    ctx.publish('payment.failed', { orderId: id, reason: 'PaymentGatewayTimeout' }, payment(id));
  } else if (ISSUER_UNAVAILABLE.has(id)) {
    ctx.publish('payment.retry.scheduled', { orderId: id, attempt: 1, retryInMs: 2000 }, payment(id));
  } else {
    ctx.publish('payment.processed', { orderId: id, status: 'captured' }, payment(id));
  }
}, { name: 'payment' });

on('payment.retry.scheduled', (event, ctx) => {
  ctx.publish('payment.processed', { orderId: event.data.orderId, status: 'captured' }, payment(event.data.orderId));
}, { name: 'payment-retry' });

on('payment.failed', (event, ctx) => {
  const id = event.data.orderId;
  ctx.publish('inventory.released', { orderId: id, reservationId: 'res-' + id.slice(6), reason: 'payment-failed' });
  ctx.publish('order.cancelled', { orderId: id, status: 'cancelled', reason: 'payment-failed' }, order(id));
}, { name: 'compensation' });

on('inventory.out_of_stock', (event, ctx) => {
  const id = event.data.orderId;
  ctx.publish('order.cancelled', { orderId: id, status: 'cancelled', reason: 'out-of-stock' }, order(id));
}, { name: 'stock-cancellation' });

on('payment.processed', (event, ctx) => {
  ctx.publish('fulfillment.started', { orderId: event.data.orderId });
}, { name: 'fulfillment' });

on('fulfillment.started', (event, ctx) => {
  const id = event.data.orderId;
  ctx.publish('shipment.created', { orderId: id, shipmentId: 'shp-' + id.slice(6), status: 'created' },
    { aggregateType: 'Shipment', aggregateId: 'shp-' + id.slice(6) });
}, { name: 'shipping' });

on('shipment.created', (event, ctx) => {
  if (NOTIFICATION_SKIPPED.has(event.data.orderId)) return;
  ctx.publish('notification.sent', { orderId: event.data.orderId, template: 'order-shipped' });
}, { name: 'notification' });

reduce('Order', (state, event) => ({ ...state, orderId: event.data.orderId, status: event.type.split('.')[1] }));
