// eventlens: mode=all where=type:order.created
// A handler that never returns is stopped by the statement budget and recorded as a failure; the other keeps working.
on('order.created', (event, ctx) => {
  if (event.data.orderId === 'order-1001') {
    while (true) { }
  }
}, { name: 'runaway' });

on('order.created', (event, ctx) => {
  ctx.log('still alive at', event.data.orderId);
}, { name: 'alive' });
