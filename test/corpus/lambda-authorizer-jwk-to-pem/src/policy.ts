import type { APIGatewayAuthorizerResult } from 'aws-lambda';

export function allow(principalId: string, methodArn: string, context: Record<string, string> = {}): APIGatewayAuthorizerResult {
  return policy(principalId, 'Allow', methodArn, context);
}

export function deny(methodArn: string): APIGatewayAuthorizerResult {
  return policy('anonymous', 'Deny', methodArn);
}

function policy(principalId: string, effect: 'Allow' | 'Deny', methodArn: string, context: Record<string, string> = {}): APIGatewayAuthorizerResult {
  const [arnPrefix, stage] = methodArn.split('/');
  return {
    principalId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: `${arnPrefix}/${stage}/*` }],
    },
    context,
  };
}
