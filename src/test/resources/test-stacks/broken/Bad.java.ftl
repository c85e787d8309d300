public class Bad {
