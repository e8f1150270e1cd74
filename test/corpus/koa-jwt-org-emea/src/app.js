const Koa = require('koa');
const auth = require('./auth');
const router = require('./routes');

const app = new Koa();

app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = { error: ctx.status === 401 ? 'invalid_token' : 'server_error' };
  }
});
app.use(auth());
app.use(router.routes());

app.listen(process.env.PORT || 3000);
