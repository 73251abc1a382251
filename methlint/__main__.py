from methlint.cli import main

main()
