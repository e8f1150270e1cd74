/** Microsoft Graph's application id. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const TENANT = '7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f';
