"""Extensions of the live rooms: the update log and the Redis relay (server/realtime/extension.py)."""
