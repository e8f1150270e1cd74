export const headersFor = (authState: { idToken: string }) => ({ Authorization: `Bearer ${authState.idToken}` });
