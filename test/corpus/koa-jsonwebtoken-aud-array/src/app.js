const Koa = require('koa');
const Router = require('@koa/router');
const auth = require('./middleware/auth');
const config = require('./config');

const app = new Koa();
const router = new Router();

router.get('/api/tasks', auth(), async (ctx) => {
  ctx.body = await ctx.db.tasks.findAll({ where: { assignee: ctx.state.user.sub } });
});

app.use(router.routes());
app.listen(config.port);
