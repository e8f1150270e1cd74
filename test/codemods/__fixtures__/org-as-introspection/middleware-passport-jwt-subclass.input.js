const { Strategy: JwtStrategy } = require('passport-jwt');
const fs = require('fs');

const ORG = 'https://acme.okta.com';

// Plain passport-jwt subclass: the verify callback goes to super().
class OktaStrategy extends JwtStrategy {
  constructor(findUser) {
    super(
      {
        secretOrKey: fs.readFileSync('./keys/okta.pem'),
        issuer: ORG,
      },
      (claims, done) => findUser(claims.uid).then((user) => done(null, user), done),
    );
  }
}

module.exports = { OktaStrategy };
