-- Stories by their members' event dates: a follow-up that names the day of an event months
-- back ("charged in the March 3 shooting") finds that event's story after it left memory.
CREATE INDEX story_features_event_date ON story_features (event_date);
