print("simwatchctl")
