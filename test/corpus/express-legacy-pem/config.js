'use strict';

module.exports = {
  port: Number(process.env.PORT || 3000),
  databaseUrl: process.env.DATABASE_URL || 'postgres://localhost:5432/orders',
  logLevel: process.env.LOG_LEVEL || 'info',
};
