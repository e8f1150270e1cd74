const Router = require('@koa/router');

const router = new Router({ prefix: '/api' });

router.get('/invoices', async (ctx) => {
  const { uid } = ctx.state.user;
  ctx.body = await ctx.db.invoices.forUser(uid);
});

router.get('/invoices/:id/pdf', async (ctx) => {
  ctx.type = 'application/pdf';
  ctx.body = await ctx.pdf.render(ctx.params.id, ctx.state.user.uid);
});

module.exports = router;
