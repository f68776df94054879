from factlint.launch import main

if __name__ == "__main__":  # a worker process imports this module without running it
    main()
