// The consumers behind samples/orders-dead-letters.jsonl, as they are after the payment fix.
// Handler names match the dead letters' handlers, so `eventlens dlq --retry` aims each entry at its own
// consumer. Dry-run it:
//   eventlens dlq orders.db --retry --script samples/scripts/fixed-payment.js
// → 5 of 8 would now succeed: the payment timeouts; the SMS rate limits still fail the same way and the
//   analytics entry fails again with a new error.

// The fix: charge through the gateway's asynchronous API with an idempotency key instead of blocking
// for 5000 ms; the amount comes from the order's state at the time of the failure.
on('order.verified', (event, ctx) => {
  const order = ctx.state(event.aggregateId);
  if (!order || order.total === undefined) {
    throw new Error(`no order state for ${event.aggregateId}`);
  }
  const paymentId = order.orderId.replace('order-', 'pay-');
  ctx.publish('payment.requested', {
    paymentId, orderId: order.orderId, amount: order.total, currency: order.currency,
    status: 'requested', idempotencyKey: event.id,
  }, { aggregateType: 'Payment', aggregateId: paymentId });
}, { name: 'payment-service.chargeCard' });

// Unchanged: the SMS provider's quota is exhausted until midnight, so a retry today fails the same way.
const SMS_QUOTA_RESETS_AT = Date.parse('2024-01-16T00:00:00Z');
on('shipment.created', (event, ctx) => {
  const waitS = Math.ceil((SMS_QUOTA_RESETS_AT - ctx.now().getTime()) / 1000);
  if (waitS > 0) {
    const e = new Error(`SMS provider answered 429, retry after ${waitS} s`);
    e.name = 'ProviderRateLimited';
    throw e;
  }
  ctx.publish('sms.sent', { shipmentId: event.data.shipmentId, orderId: event.data.orderId });
}, { name: 'notification-service.sendSms' });

// Half fixed: no longer reads a missing `geo`, but the region table does not know every country yet.
const REGIONS = { DE: 'EU-central', FR: 'EU-west', US: 'NA-east', GB: 'EU-west' };
on('order.created', (event, ctx) => {
  const country = event.data.shippingAddress.country;
  const region = REGIONS[country];
  if (region === undefined) {
    const e = new Error(`no sales region for country ${country}`);
    e.name = 'UnknownRegion';
    throw e;
  }
  ctx.publish('analytics.order.recorded', { orderId: event.data.orderId, total: event.data.total, region });
}, { name: 'analytics-service.recordOrder' });
