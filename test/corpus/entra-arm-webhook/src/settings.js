module.exports = {
  issuer: 'https://sts.windows.net/7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f/',
  jwksUri: 'https://login.microsoftonline.com/7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f/discovery/keys',
  armAudience: 'https://management.azure.com/',
};
