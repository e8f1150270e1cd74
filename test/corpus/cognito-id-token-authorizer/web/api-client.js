import { CognitoUserPool } from 'amazon-cognito-identity-js';

const pool = new CognitoUserPool({ UserPoolId: 'us-east-1_AbCdEf123', ClientId: '4k2j9x7v1m3n5b8c0z6q2w4e7r' });

export function listPets(callback) {
  pool.getCurrentUser().getSession((error, session) => {
    if (error) return callback(error);
    fetch('/pets', {
      headers: { Authorization: 'Bearer ' + session.getIdToken().getJwtToken() }, // expect: oidc/no-id-token-as-bearer
    }).then((response) => response.json().then((pets) => callback(null, pets)));
  });
}
