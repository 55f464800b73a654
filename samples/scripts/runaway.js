// A handler that never returns: stopped by the statement budget and recorded as a failure.
// The other handler keeps working.
on('order.created', (event, ctx) => {
  if (event.data.orderId === 'order-1001') {
    while (true) { }
  }
}, { name: 'runaway' });

on('order.created', (event, ctx) => {
  ctx.log('still alive at', event.data.orderId);
}, { name: 'alive' });
