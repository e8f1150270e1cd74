import { CognitoJwtVerifier } from "aws-jwt-verify";

const verifier = CognitoJwtVerifier.create({ userPoolId: "us-east-1_AbC123xyz", tokenUse: "id", clientId: null });

export async function authorize(request) {
  return verifier.verify(request.headers.authorization.slice(7));
}
