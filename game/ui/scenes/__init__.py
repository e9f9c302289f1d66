"""One module per scene; see game/ui/scene.py for the lifecycle."""
