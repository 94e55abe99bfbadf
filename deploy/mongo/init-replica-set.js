// Runs once from the mongo-init service: makes the three mongod containers one replica set.
// Re-running is harmless: an initialised set answers rs.status() and is left alone.
try {
  rs.status();
  print("replica set rs0 already initialised");
} catch (e) {
  rs.initiate({
    _id: "rs0",
    members: [
      { _id: 0, host: "mongo1:27017", priority: 2 },
      { _id: 1, host: "mongo2:27017", priority: 1 },
      { _id: 2, host: "mongo3:27017", priority: 1 }
    ]
  });
  print("replica set rs0 initiated");
}

// The application's own user: read and write on its database only (not root).
const app = db.getSiblingDB("liaison");
for (let i = 0; i < 30 && !db.hello().isWritablePrimary; i++) {
  sleep(1000);
}
if (app.getUser("liaison") === null) {
  app.createUser({ user: "liaison", pwd: process.env.MONGO_APP_PASSWORD, roles: [{ role: "readWrite", db: "liaison" }] });
  print("user liaison created");
}
