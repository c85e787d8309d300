public class Good {}
