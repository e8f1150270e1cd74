export async function callApi(oktaAuth, url) {
  const stored = await oktaAuth.tokenManager.get('idToken');
  return fetch(url, { headers: { Authorization: 'Bearer ' + (await oktaAuth.tokenManager.get('accessToken')).accessToken } });
}
