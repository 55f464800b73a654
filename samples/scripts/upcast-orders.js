// Replays samples/order-versions.jsonl through handlers that understand OrderPlaced 2.0 only: 1.0 listed
// items as SKU strings, 2.0 as { productId, quantity }. Orders written before the service declared versions
// are read as the lowest version the upcasters start from (1.0). Without the upcast(...) below, the 40 old
// orders fail in reserveStock.
// eventlens: mode=all where=
upcast('OrderPlaced', '1.0', '2.0', (e) => ({ ...e, data: { ...e.data,
  items: e.data.items.map((id) => ({ productId: id, quantity: 1 })) } }));

on('OrderPlaced', (e, ctx) => {
  for (const item of e.data.items) {
    ctx.publish('StockReserved', { orderId: e.data.orderId, sku: item.productId.toUpperCase(), quantity: item.quantity },
      { aggregateType: 'Stock', aggregateId: item.productId });
  }
}, { name: 'inventory-service.reserveStock' });

on('OrderPaid', (e, ctx) => {
  const order = ctx.state(e.aggregateId);
  ctx.log(e.aggregateId, 'paid', e.data.amount, e.data.currency, 'for', order.units, 'units');
});

// The Aggregates view's "rebuilt by replay" state: units counted from the 2.0 item objects.
reduce('Order', (state, e) => e.type === 'OrderPlaced'
  ? { ...state, ...e.data, units: e.data.items.reduce((n, item) => n + item.quantity, 0) }
  : { ...state, ...e.data });
