"""A solo learner's practice: profiles, the history of every finished game and
drill (result files in the user data folder, never sent anywhere), the progress
computed from it, and the practice plan suggested after each game.

No pygame here: the UI scenes draw what these modules compute.
"""
