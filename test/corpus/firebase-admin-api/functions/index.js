const admin = require('firebase-admin');
const { onRequest } = require('firebase-functions/v2/https');

admin.initializeApp();

exports.listNotes = onRequest({ cors: true }, async (req, res) => {
  const match = /^Bearer (.+)$/.exec(req.get('Authorization') || '');
  if (!match) {
    res.status(401).send('Unauthorized');
    return;
  }
  try {
    const { uid } = await admin.auth().verifyIdToken(match[1]);
    const snapshot = await admin.firestore().collection('notes').where('owner', '==', uid).get();
    res.json(snapshot.docs.map((doc) => ({ id: doc.id, ...doc.data() })));
  } catch (err) {
    res.status(401).send('Unauthorized');
  }
});
